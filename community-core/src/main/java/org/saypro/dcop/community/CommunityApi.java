package org.saypro.dcop.community;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Names the OpenAPI document generated from this module's controllers at compile time. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "dcop-community",
            version = "1",
            description = "DCoP community of practice API: working groups, webinars and workshops, attendance,"
                + " calendar feeds, partnership projects and the impact tracker (results frameworks, data values,"
                + " dashboards)."))
final class CommunityApi {
  private CommunityApi() {}
}
