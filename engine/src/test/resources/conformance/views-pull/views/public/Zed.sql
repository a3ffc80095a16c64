SELECT
  "User".id,
  "User".role,
  "User".email AS "e-mail",
  1.5 :: numeric(10, 2) AS amount,
  NOW() AS at,
  ARRAY ["User".id] AS ids
FROM
  "User";