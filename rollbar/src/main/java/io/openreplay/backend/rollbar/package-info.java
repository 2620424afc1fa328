/**
 * Rollbar: every item carries {@code data.custom.openReplaySessionToken} and
 * {@code data.custom["openReplaySession.id"]}; message items also carry
 * {@code data.body.message.openReplaySessionToken}, which OpenReplay G1's RQL job looks up. With the
 * exceptions-as-messages opt-in, exception items are sent as message items (the stack trace as text) so that the
 * same job finds them too.
 *
 * <ul>
 *   <li>From {@code rollbar-logback}: {@code <configProviderClassName>} set to
 *       {@link io.openreplay.backend.rollbar.OpenReplayConfigProvider} or
 *       {@link io.openreplay.backend.rollbar.OpenReplayExceptionsAsMessagesConfigProvider}.</li>
 *   <li>From code: {@link io.openreplay.backend.rollbar.OpenReplayRollbar#configure} on a
 *       {@code ConfigBuilder}, or {@link io.openreplay.backend.rollbar.OpenReplayTransformer} in a
 *       transformer pipeline of one's own.</li>
 * </ul>
 */
package io.openreplay.backend.rollbar;
