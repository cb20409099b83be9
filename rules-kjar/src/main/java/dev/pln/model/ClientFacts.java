package dev.pln.model;

import java.util.List;
import java.util.Objects;

/**
 * One assessment of one client: the six dimensions as the facts a decision inserts. Every dimension is
 * present (possibly with unrecorded fields) so that rules can say which recorded value is missing.
 */
public final class ClientFacts {

    private final Person person;
    private final Goal goal;
    private final Conditions conditions;
    private final Attitudes attitudes;
    private final JobSearch jobSearch;
    private final Family family;

    public ClientFacts(Person person, Goal goal, Conditions conditions, Attitudes attitudes, JobSearch jobSearch,
            Family family) {
        this.person = Objects.requireNonNull(person, "person");
        this.goal = goal != null ? goal : new Goal(null, null, null);
        this.conditions = conditions != null ? conditions : new Conditions(null, null, null, null, null, null, null);
        this.attitudes = attitudes != null ? attitudes : new Attitudes(null);
        this.jobSearch = jobSearch != null ? jobSearch : new JobSearch(null, null, null, null);
        this.family = family != null ? family : new Family(null, null, null, null);
    }

    /** The facts to insert into a rule session, in a fixed order. */
    public List<Object> asFacts() {
        return List.of(person, goal, conditions, attitudes, jobSearch, family);
    }

    public Person getPerson() {
        return person;
    }

    public Goal getGoal() {
        return goal;
    }

    public Conditions getConditions() {
        return conditions;
    }

    public Attitudes getAttitudes() {
        return attitudes;
    }

    public JobSearch getJobSearch() {
        return jobSearch;
    }

    public Family getFamily() {
        return family;
    }
}
