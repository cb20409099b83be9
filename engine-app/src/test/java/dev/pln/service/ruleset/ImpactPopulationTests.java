package dev.pln.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.system.Scope;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** Which clients an impact preview covers, and who may see a preview's job, by the caller's scope. */
class ImpactPopulationTests {

    static final Optional<Scope> NONE = Optional.empty();
    static final Optional<Scope> MASKED_DISTRICT = Optional.of(new Scope(null, null, null, true));
    static final Optional<Scope> HUANGCUN = Optional.of(new Scope("黄村镇", null, null, true));
    static final Optional<Scope> VILLAGE = Optional.of(new Scope("黄村镇", "某村", null, true));

    @Test
    void aCallerOfTheWholeDistrictPreviewsEveryClient() {
        assertThat(ImpactReport.Population.of(NONE)).isEqualTo(ImpactReport.Population.DISTRICT);
        assertThat(ImpactReport.Population.of(MASKED_DISTRICT)).isEqualTo(ImpactReport.Population.DISTRICT);
        assertThat(filter(ImpactReport.Population.DISTRICT)).isEqualTo(new Document());
    }

    @Test
    void aCallerOfOneTownOrVillagePreviewsItsClientsOnly() {
        assertThat(filter(ImpactReport.Population.of(HUANGCUN)))
                .isEqualTo(Document.parse("{\"facts.jurisdiction.town\": \"黄村镇\"}"));
        assertThat(filter(ImpactReport.Population.of(VILLAGE))).isEqualTo(Document.parse("{\"$and\": ["
                + "{\"facts.jurisdiction.town\": \"黄村镇\"}, {\"facts.jurisdiction.village\": \"某村\"}]}"));
    }

    @Test
    void aPreviewIsSeenByItsOwnPopulationAndTheWholeDistrictOnly() {
        ImpactReport.Population town = ImpactReport.Population.of(HUANGCUN);
        assertThat(town.visibleTo(HUANGCUN)).isTrue();
        assertThat(town.visibleTo(NONE)).isTrue();
        assertThat(town.visibleTo(VILLAGE)).isFalse();
        assertThat(town.visibleTo(Optional.of(new Scope("西红门镇", null, null, true)))).isFalse();
        assertThat(ImpactReport.Population.DISTRICT.visibleTo(HUANGCUN)).isFalse();
        assertThat(ImpactReport.Population.DISTRICT.visibleTo(MASKED_DISTRICT)).isTrue();
    }

    private static Document filter(ImpactReport.Population population) {
        Bson clients = population.clients();
        return Document.parse(clients.toBsonDocument().toJson());
    }
}
