export { EndpointsTab } from "./components/EndpointsTab";
