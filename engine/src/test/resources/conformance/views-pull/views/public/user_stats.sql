SELECT
  count(*) AS n
FROM
  "User";