/**
 * Base for the islands on lesson pages and the home page: a class component that renders the
 * server's "nothing yet" state until it is mounted (so hydration matches the HTML), then follows
 * `$progress`. It does what `useStore($progress, { ssr })` does without preact/hooks, which keeps
 * these pages within their JavaScript budget (the heavier pages use hooks).
 */
import { Component } from 'preact';
import type { Progress } from '../../lib/progress/types';
import { $progress } from '../../stores/progress';

export abstract class WithProgress<P, S extends { progress?: Progress | undefined }> extends Component<P, S> {
  private unbind: (() => void) | undefined;

  override componentDidMount(): void {
    this.unbind = $progress.subscribe((progress) => this.setState({ progress } as Partial<S>));
  }

  override componentWillUnmount(): void {
    this.unbind?.();
  }
}
