package org.saypro.dcop.accounts.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Builds a page: the template, its values, and what every page's layout needs (the form token for sign-out). */
@Singleton
public class Pages {

  private final FormTokens formTokens;

  Pages(FormTokens formTokens) {
    this.formTokens = formTokens;
  }

  public ModelAndView<Map<String, Object>> view(String template, HttpRequest<?> request, Map<String, ?> values) {
    Map<String, Object> model = new HashMap<>(values);
    model.put("csrf", formTokens.issue(request));
    model.putIfAbsent("signedIn", !formTokens.issue(request).isEmpty());
    return new ModelAndView<>(template, model);
  }
}
