/**
 * WebSub subscriber (SPEC §4.3, W3C WebSub): subscribes to the hubs feeds advertise when
 * {@code server.publicUrl} is set, answers the hubs' verifications and takes pushed content on
 * {@code server.port}, and hands that content to the poller's path. Polling goes on as the safety
 * net. Depends on {@code feed/}, {@code poll/}, {@code store/} and {@code config/}; state lives in
 * the store only, so any process on the store can answer any callback.
 */
package io.github.tldrbot.websub;
