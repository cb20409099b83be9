package dev.pln.service.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Keeps request bodies and stored documents out of the logs even when an operator turns the frameworks up to
 * DEBUG while chasing a problem: below INFO, the loggers that print whole bodies (Spring MVC's message
 * converters), whole queries and updates (Spring Data MongoDB) or whole commands and replies (the MongoDB driver)
 * would print names, health and income status. Their events below INFO are dropped, whatever level is set;
 * everything else passes. Installed by {@code logback-spring.xml}.
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
}
