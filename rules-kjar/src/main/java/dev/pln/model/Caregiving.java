package dev.pln.model;

/** Care duties at home (家庭情况). */
public enum Caregiving {
    NONE, CHILDREN, ELDERLY, SICK_RELATIVE
}
