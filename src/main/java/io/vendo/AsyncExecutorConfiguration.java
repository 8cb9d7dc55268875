package io.vendo;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncAnnotationBeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of asynchronous work, above all the modules' {@code @ApplicationModuleListener}s (audit, notifications,
 * execution trigger): a few threads and a queue, sized by {@code spring.task.execution.pool.*}.
 *
 * <p>With virtual threads on, Spring Boot's default would start one thread per event and listener at once. Each takes
 * a database connection, and the audit appends then wait on each other for the hash chain while holding theirs: under
 * load the listeners held the whole pool and submissions waited seconds for a connection (see bench/README.md). A
 * queue is safe here: every listener's event is in the event publication registry until it is done, so queued work
 * survives a crash and is republished on restart.
 *
 * <p>Work handed to these threads keeps the logging context of the thread that handed it over: a listener's lines
 * carry the id of the HTTP request (and the user) whose transaction published the event.
 */
@Configuration(proxyBeanMethods = false)
class AsyncExecutorConfiguration {

    @Bean(name = {"applicationTaskExecutor", AsyncAnnotationBeanPostProcessor.DEFAULT_TASK_EXECUTOR_BEAN_NAME})
    ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.taskDecorator(AsyncExecutorConfiguration::withCallersLogContext)
                .build();
    }

    private static Runnable withCallersLogContext(Runnable work) {
        var callers = MDC.getCopyOfContextMap();
        return () -> {
            var own = MDC.getCopyOfContextMap();
            setContext(callers);
            try {
                work.run();
            } finally {
                setContext(own);
            }
        };
    }

    private static void setContext(@Nullable Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
