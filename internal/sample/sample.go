// Package sample carries the real public progress report that the demo and
// the tests are built on: 市委第七巡察组 on 桑植县政协党组, published 2020年10月28日.
package sample

import _ "embed"

// Sangzhi is the seed report as published, text only.
//
//go:embed sangzhi-2020.txt
var Sangzhi string
