package dev.pln.model;

import java.util.List;

/** Employment conditions (就业条件): education, experience, skills, health. Null means not recorded. */
public final class Conditions {

    private final Education education;
    private final String major;
    private final Double workExperienceYears;
    private final Integer monthsOutOfWork;
    private final List<String> skills;
    private final List<String> certificates;
    private final Health health;

    public Conditions(Education education, String major, Double workExperienceYears, Integer monthsOutOfWork,
            List<String> skills, List<String> certificates, Health health) {
        this.education = education;
        this.major = major;
        this.workExperienceYears = workExperienceYears;
        this.monthsOutOfWork = monthsOutOfWork;
        this.skills = skills == null ? null : List.copyOf(skills);
        this.certificates = certificates == null ? null : List.copyOf(certificates);
        this.health = health;
    }

    public Education getEducation() {
        return education;
    }

    public String getMajor() {
        return major;
    }

    public Double getWorkExperienceYears() {
        return workExperienceYears;
    }

    public Integer getMonthsOutOfWork() {
        return monthsOutOfWork;
    }

    public List<String> getSkills() {
        return skills;
    }

    public List<String> getCertificates() {
        return certificates;
    }

    public Health getHealth() {
        return health;
    }
}
