import type * as vscode from 'vscode';

/**
 * A small base for objects that own other disposables (listeners, emitters, status bar items):
 * `_register` takes ownership and returns what it was given, and `dispose` releases everything
 * once, newest first. Disposing twice is harmless; registering after disposal disposes at once.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const value of this.owned.splice(0).reverse()) {
      try {
        value.dispose();
      } catch {
        // One failing disposal must not keep the others alive.
      }
    }
  }
}
