// Stand-in for the `server-only` guard outside Next's bundler (tests and scripts).
export {};
