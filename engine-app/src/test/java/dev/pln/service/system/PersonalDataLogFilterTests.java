package dev.pln.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class PersonalDataLogFilterTests {

    final LoggerContext context = new LoggerContext();

    final PersonalDataLogFilter filter = new PersonalDataLogFilter();

    FilterReply decide(String logger, Level level) {
        return filter.decide(null, context.getLogger(logger), level, "{}", null, null);
    }

    @Test
    void dropsDebugAndTraceOfLoggersThatPrintBodiesOrDocuments() {
        assertThat(decide("org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor",
                Level.DEBUG)).isEqualTo(FilterReply.DENY);
        assertThat(decide("org.springframework.data.mongodb.core.MongoTemplate", Level.DEBUG))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.mongodb.driver.protocol.command", Level.TRACE)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void letsTheirWarningsAndEveryoneElsesDebugThrough() {
        assertThat(decide("org.springframework.data.mongodb.core.MongoTemplate", Level.INFO))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.mongodb.driver.protocol.command", Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("dev.pln.service.decision.Decisions", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.springframework.web.servlet.DispatcherServlet", Level.DEBUG))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
