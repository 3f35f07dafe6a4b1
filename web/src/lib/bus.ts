// Messages between features that must not import each other: "Assign to chat" puts a
// reference into the chat input; errors reach the app's error dialog. The app layer and the
// features only know this file.
type Handler<T> = (value: T) => void;

function channel<T>() {
  const handlers = new Set<Handler<T>>();
  return {
    emit(value: T) {
      handlers.forEach((h) => h(value));
    },
    on(h: Handler<T>): () => void {
      handlers.add(h);
      return () => handlers.delete(h);
    },
  };
}

/** A reference for the chat input, e.g. "@entity Product" or "@test POST /api/products → 201". */
export const assignToChat = channel<string>();

export interface ErrorReport {
  title: string;
  error: unknown;
}
/** Shows the app's error dialog with the server's message. */
export const reportError = channel<ErrorReport>();

/** Asks the workbench to switch tab or to run something (keyboard shortcuts, buttons). */
export type Command = 'run-tests' | 'focus-chat' | 'generate' | 'toggle-terminal';
export const commands = channel<Command>();
