-- added later on another branch, but older timestamp
COMMENT ON TABLE "User" IS 'users';
