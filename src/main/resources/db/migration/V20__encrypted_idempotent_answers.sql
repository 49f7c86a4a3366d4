-- The stored answers of Idempotency-Key are encrypted from now on (a hosted link's URL in one is a credential).
-- Answers stored in clear before cannot be read as ciphertext: they are dropped. At most 24 hours of retry safety
-- is lost once, at this upgrade; a retry after it does the work again.
delete from api_idempotency_key;
