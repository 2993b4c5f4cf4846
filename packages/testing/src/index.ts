/**
 * Test layers for `@effect-intercom/client`.
 *
 * - `IntercomMock`: the `Intercom` service from a partial implementation.
 * - `FakeIntercom`: a stateful in-memory Intercom, in-process or on 127.0.0.1.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as FakeIntercom from "./FakeIntercom.js"

/**
 * @since 0.1.0
 */
export * as IntercomMock from "./IntercomMock.js"
