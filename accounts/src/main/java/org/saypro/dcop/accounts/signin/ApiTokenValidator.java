package org.saypro.dcop.accounts.signin;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Accepts personal API tokens as bearer tokens beside the JWTs: looks the token's SHA-256 up (off the event loop: it
 * is a database query) and authenticates as its user. Anything without our prefix is left to the JWT validator.
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

  private final ApiTokens tokens;
  private final TransactionOperations<Connection> transactions;
  private final ExecutorService blocking;

  ApiTokenValidator(ApiTokens tokens, TransactionOperations<Connection> transactions,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.tokens = tokens;
    this.transactions = transactions;
    this.blocking = blocking;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
      return Publishers.empty();
    }
    CompletableFuture<Optional<UUID>> user =
        CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> tokens.use(token)), blocking);
    return Publishers.fromCompletableFuture(() -> user.thenApply(found -> found.map(
        id -> Authentication.build(id.toString())).orElse(null)));
  }
}
