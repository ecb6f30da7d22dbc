declare const __CC_VERSION__: string | undefined;

export const PRODUCT_NAME = "Credit & Collections";
/** The package version, injected by webpack; "dev" under jest. */
export const PRODUCT_VERSION: string = typeof __CC_VERSION__ === "string" ? __CC_VERSION__ : "dev";
