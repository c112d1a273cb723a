package com.upward.platform.events.contract;

/** The four types of power: position power (role, penalty) and personal power (reputation, expertise). */
public enum PowerType {
    ROLE, PENALTY, REPUTATION, EXPERTISE;

    public boolean isPositionPower() {
        return this == ROLE || this == PENALTY;
    }
}
