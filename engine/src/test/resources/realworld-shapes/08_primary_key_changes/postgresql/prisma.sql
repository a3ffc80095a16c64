-- AlterTable
ALTER TABLE "FromComposite" DROP CONSTRAINT "FromComposite_pkey",
ADD CONSTRAINT "FromComposite_pkey" PRIMARY KEY ("a");

-- AlterTable
ALTER TABLE "Moved" DROP CONSTRAINT "Moved_pkey",
ADD CONSTRAINT "Moved_pkey" PRIMARY KEY ("code");

-- AlterTable
ALTER TABLE "Reordered" DROP CONSTRAINT "Reordered_pkey",
ADD CONSTRAINT "Reordered_pkey" PRIMARY KEY ("b", "a");

-- AlterTable
ALTER TABLE "ToComposite" DROP CONSTRAINT "ToComposite_pkey",
ADD CONSTRAINT "ToComposite_pkey" PRIMARY KEY ("a", "b");

