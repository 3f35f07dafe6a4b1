export { PreviewControl } from "./components/PreviewControl";
