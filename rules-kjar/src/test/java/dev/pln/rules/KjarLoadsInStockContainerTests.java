package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.LevelDecision;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.model.KieSessionModel.KieSessionType;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/** The KJAR works for any Drools user: the stock classpath container finds it without our harness. */
class KjarLoadsInStockContainerTests {

    @Test
    void stockClasspathContainerOffersTheStatelessSessionPlnKS() {
        KieContainer container = KieServices.get().getKieClasspathContainer();

        assertThat(container.getKieBaseNames()).contains("plnKB");
        assertThat(container.getKieSessionNamesInKieBase("plnKB")).containsExactly("plnKS");
        assertThat(container.getKieSessionModel("plnKS").getType()).isEqualTo(KieSessionType.STATELESS);
    }

    @Test
    void statelessSessionPlnKSDecidesTheTaoCaseAsLevel1() {
        KieServices services = KieServices.get();
        StatelessKieSession session = services.getKieClasspathContainer().newStatelessKieSession("plnKS");
        KieCommands commands = services.getCommands();

        ExecutionResults results = session.execute(commands.newBatchExecution(List.of(
                commands.newInsertElements(FactsReader.read(Fixtures.workedCase("case-1-tao").request()).asFacts()),
                commands.newFireAllRules("fired"),
                commands.newGetObjects(fact -> fact instanceof LevelDecision, "levels"))));

        Collection<?> levels = (Collection<?>) results.getValue("levels");
        assertThat(levels).singleElement().isInstanceOfSatisfying(LevelDecision.class, decision -> {
            assertThat(decision.getLevel()).isEqualTo(1);
            assertThat(decision.getDecidingRuleId()).isEqualTo("L1-01");
        });
        assertThat((Integer) results.getValue("fired")).as("rules fired for case 1").isEqualTo(11);
    }
}
