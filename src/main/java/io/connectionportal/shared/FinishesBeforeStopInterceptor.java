package io.connectionportal.shared;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Counts a scheduled run while it lasts, or skips it once the instance is stopping. */
@FinishesBeforeStop
@Interceptor
// Outermost, so that a run's own transaction (an inner interceptor) has ended when it is counted out.
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class FinishesBeforeStopInterceptor {

    private final RunningJobs running;

    FinishesBeforeStopInterceptor(RunningJobs running) {
        this.running = running;
    }

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        if (!running.enter()) {
            return null;
        }
        try {
            return invocation.proceed();
        } finally {
            running.exit();
        }
    }
}
