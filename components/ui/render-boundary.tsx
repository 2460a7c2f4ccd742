"use client";

import { Component, type ReactNode } from "react";

/** Keeps one panel's rendering bug (say, an unexpected API shape) from blanking the whole page. */
export class RenderBoundary extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (this.state.failed) {
      return (
        <p role="alert" className="text-sm text-rose-800">
          Could not show {this.props.what}.
        </p>
      );
    }
    return this.props.children;
  }
}
