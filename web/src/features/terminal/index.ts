export { TerminalDock } from "./components/TerminalDock";
