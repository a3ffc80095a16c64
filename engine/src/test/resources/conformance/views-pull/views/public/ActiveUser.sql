SELECT
  "User".id,
  "User".email,
  "User".name
FROM
  "User"
WHERE
  "User".active;