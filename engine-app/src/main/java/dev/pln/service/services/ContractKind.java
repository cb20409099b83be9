package dev.pln.service.services;

/** The kind of job a follow-up found: a formal contract, informal work, or a public-welfare post (公益性岗位). */
public enum ContractKind {
    FORMAL, INFORMAL, PUBLIC_WELFARE
}
