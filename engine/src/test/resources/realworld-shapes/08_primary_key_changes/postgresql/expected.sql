-- Child's foreign key depends on Moved_pkey, so it is dropped and added again around the new key
-- (Prisma 7.10.1's own script, prisma.sql, fails there: "cannot drop constraint Moved_pkey").
ALTER TABLE "Child" DROP CONSTRAINT "Child_movedId_fkey";
ALTER TABLE "FromComposite" DROP CONSTRAINT "FromComposite_pkey",
ADD CONSTRAINT "FromComposite_pkey" PRIMARY KEY ("a");
ALTER TABLE "Moved" DROP CONSTRAINT "Moved_pkey",
ADD CONSTRAINT "Moved_pkey" PRIMARY KEY ("code");
ALTER TABLE "Reordered" DROP CONSTRAINT "Reordered_pkey",
ADD CONSTRAINT "Reordered_pkey" PRIMARY KEY ("b", "a");
ALTER TABLE "ToComposite" DROP CONSTRAINT "ToComposite_pkey",
ADD CONSTRAINT "ToComposite_pkey" PRIMARY KEY ("a", "b");
ALTER TABLE "Child" ADD CONSTRAINT "Child_movedId_fkey" FOREIGN KEY ("movedId") REFERENCES "Moved"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
