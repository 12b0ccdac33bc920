package org.saypro.dcop.issuer.catalogue;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;

/** Reads and records catalogue entries and framework mappings, each call one transaction. */
@Singleton
public class Catalogue {

  private final QualificationStore store;
  private final OrganisationStore organisations;

  Catalogue(QualificationStore store, OrganisationStore organisations) {
    this.store = store;
    this.organisations = organisations;
  }

  @Transactional(readOnly = true)
  public Optional<Organisation> organisation(String slug) {
    return Organisation.isSlug(slug) ? organisations.bySlug(slug) : Optional.empty();
  }

  /** False when the organisation already has a qualification with that code. */
  @Transactional
  public boolean add(Qualification qualification) {
    return store.insert(qualification);
  }

  @Transactional(readOnly = true)
  public Optional<Qualification> find(Organisation organisation, String code) {
    return Qualification.isCode(code) ? store.find(organisation.id(), code) : Optional.empty();
  }

  @Transactional(readOnly = true)
  public List<Qualification> list(Organisation organisation) {
    return store.list(organisation.id());
  }

  /** False when the same mapping was already recorded. */
  @Transactional
  public boolean addMapping(FrameworkMapping mapping) {
    return store.insertMapping(mapping);
  }

  @Transactional(readOnly = true)
  public List<FrameworkMapping> mappings(String framework, String code) {
    return store.mappings(framework, code);
  }
}
