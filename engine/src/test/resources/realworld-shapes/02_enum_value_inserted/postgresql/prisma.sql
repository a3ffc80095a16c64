-- AlterEnum
ALTER TYPE "Color" ADD VALUE 'GREEN';

