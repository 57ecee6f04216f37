export { DriverLoading as default } from "@/components/driver/driver-loading";
