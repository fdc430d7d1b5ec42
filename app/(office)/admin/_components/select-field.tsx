// Moved to app/_components/ui so the portal can use it too; admin screens keep importing it from here.
export { SelectField } from "@/app/_components/ui/select-field";
