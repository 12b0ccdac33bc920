package org.saypro.dcop.issuer.credentials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code credential}: an issued credential in its secured form. */
@MappedEntity("credential")
record CredentialRow(
    @Id UUID uuid,
    String credentialId,
    String issuer,
    @Nullable String subject,
    @TypeDef(type = DataType.STRING_ARRAY) String[] types,
    String format,
    String securedForm,
    byte[] securedSha256,
    Instant issuedAt) {}
