package dev.pln.service.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps request bodies and stored documents out of the logs even when an operator turns the frameworks up to
 * DEBUG while chasing a problem: below INFO, the loggers that print whole bodies (Spring MVC's message
 * converters), whole queries and updates (Spring Data MongoDB) or whole commands and replies (the MongoDB driver)
 * would print names, health and income status. Their events below INFO are dropped, whatever level is set;
 * everything else passes. Installed by {@link Installer} on top of Boot's own logging configuration, so that
 * Boot's switches — {@code logging.structured.format.console=ecs|logstash|gelf} among them — keep working.
 */
public class PersonalDataLogFilter extends TurboFilter {

    /** Logger name prefixes whose DEBUG and TRACE output contains request or stored data verbatim. */
    static final List<String> DATA_DUMPING_LOGGERS = List.of(
            "org.springframework.web.servlet.mvc.method.annotation",
            "org.springframework.web.method",
            "org.springframework.http.converter",
            "org.springframework.core.codec",
            "org.springframework.web.servlet.view",
            "org.springframework.data.mongodb",
            "org.mongodb.driver.protocol",
            "org.mongodb.driver.operation",
            "org.thymeleaf",
            "org.apache.coyote.http11",
            "org.apache.tomcat.util.http");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (level == null || level.isGreaterOrEqual(Level.INFO) || logger == null) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        for (String prefix : DATA_DUMPING_LOGGERS) {
            if (name.startsWith(prefix)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * Adds the filter once Boot has configured logging (and again whenever it configures it afresh), because a
     * custom logback file would have to replace Boot's console set-up and lose its structured-logging switch.
     */
    public static final class Installer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            install();
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }

    /** Puts the filter on logback's context unless it is there already. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(PersonalDataLogFilter.class::isInstance)) {
            PersonalDataLogFilter filter = new PersonalDataLogFilter();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
            LoggerFactory.getLogger(PersonalDataLogFilter.class).debug("Personal-data log filter installed");
        }
    }
}
