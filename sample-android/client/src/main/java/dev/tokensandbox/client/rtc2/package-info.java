/**
 * The simulated engine's public API, shaped like the Agora Android SDK 4.x ({@code io.agora.rtc2}):
 * the same class names, method signatures, callback parameter lists and constant values, so code
 * written against it compiles against the real SDK with only its imports changed. Only the part of
 * the API the token flow touches is here. Every name is checked against a compile-only stub written
 * from Agora's API reference (see {@code docs/decisions/0009-engine-api-shaped-like-rtc2.md}).
 */
package dev.tokensandbox.client.rtc2;
