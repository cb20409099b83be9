package dev.pln.model;

/** The method's six service measures N1–N6 (服务措施), with their official titles. */
public enum Measure {
    N1("就业观念指导"),
    N2("求职指导"),
    N3("推荐岗位"),
    N4("面试指导"),
    N5("技能培训"),
    N6("跟踪回访");

    private final String title;

    Measure(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }
}
