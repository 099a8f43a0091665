package dev.tokensandbox.client.rtc;

import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.rtc2.RtcEngine;

/**
 * Makes the engine a session drives, given the handler that receives its callbacks: the sandbox's
 * {@link SimulatedRtcEngine}, or an integrator's adapter around the real SDK's engine (the real
 * {@code RtcEngine.create(config)} with {@code config.mEventHandler} forwarding to {@code
 * handler}).
 */
@FunctionalInterface
public interface RtcEngineFactory {
  RtcEngine create(IRtcEngineEventHandler handler);

  /** The simulated engine, checking tokens with {@code service}. */
  static RtcEngineFactory simulated(
      SandboxClock clock, RtcService service, CallRunner runner, SdkProfile profile) {
    return handler -> new SimulatedRtcEngine(clock, service, runner, handler, profile);
  }
}
