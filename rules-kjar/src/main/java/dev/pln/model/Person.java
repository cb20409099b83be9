package dev.pln.model;

import java.time.LocalDate;

/**
 * The person being assessed (P): identity, the monitoring-only attributes and willingness to work.
 * The five other dimensions are separate facts so that rules read like the method's table.
 */
public final class Person {

    private final String clientId;
    private final String name;
    private final Sex sex;
    private final Integer age;
    private final TargetGroup targetGroup;
    private final String town;
    private final String village;
    private final Willingness willingness;
    private final String assessedBy;
    private final LocalDate assessedOn;

    public Person(String clientId, String name, Sex sex, Integer age, TargetGroup targetGroup, String town,
            String village, Willingness willingness, String assessedBy, LocalDate assessedOn) {
        this.clientId = clientId;
        this.name = name;
        this.sex = sex;
        this.age = age;
        this.targetGroup = targetGroup;
        this.town = town;
        this.village = village;
        this.willingness = willingness;
        this.assessedBy = assessedBy;
        this.assessedOn = assessedOn;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public Sex getSex() {
        return sex;
    }

    public Integer getAge() {
        return age;
    }

    public TargetGroup getTargetGroup() {
        return targetGroup;
    }

    public String getTown() {
        return town;
    }

    public String getVillage() {
        return village;
    }

    public Willingness getWillingness() {
        return willingness;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }
}
