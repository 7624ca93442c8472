-- E-mail of inbox messages, sent at most once by whichever sender claims a
-- message first (serve's daily run and a cron `zhenggai notify` may run at
-- once), and given up after a few failures instead of retried forever.
-- email_state: '' none wanted, 'pending', 'sending' (claimed at
-- email_claimed_at), 'sent', 'failed' (given up), 'no_address'.
ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN email_claimed_at TEXT NOT NULL DEFAULT '';

-- The messages still to send, a few among many.
CREATE INDEX notifications_email_idx ON notifications (id) WHERE email_state IN ('pending', 'sending');
