package selfcheck

// TEMPORARY: a copy of zhenggai.Due until the dues branch lands on main;
// delete this file and call zhenggai.Due instead.

import "zhenggai"

const studentDue zhenggai.Fen = 20

func due(kind zhenggai.DuesKind, base, fixed zhenggai.Fen, mode zhenggai.Rounding) zhenggai.Fen {
	switch kind {
	case zhenggai.DuesStudent, zhenggai.DuesUnemployed, zhenggai.DuesDibao:
		return studentDue
	case zhenggai.DuesFarmer:
		if fixed <= 0 {
			return studentDue
		}
		return fixed
	}
	if base <= 0 {
		return 0
	}
	var bp int64
	switch kind {
	case zhenggai.DuesInService:
		switch {
		case base <= 300000:
			bp = 50
		case base <= 500000:
			bp = 100
		case base <= 1000000:
			bp = 150
		default:
			bp = 200
		}
	case zhenggai.DuesRetired:
		bp = 50
		if base > 500000 {
			bp = 100
		}
	}
	n := int64(base) * bp
	if mode == zhenggai.RoundDown {
		return zhenggai.Fen(n / 10000)
	}
	return zhenggai.Fen((n + 5000) / 10000)
}
