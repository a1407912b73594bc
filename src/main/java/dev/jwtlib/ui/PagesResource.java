package dev.jwtlib.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;

/**
 * Serves the pages' files from the WAR ({@code /account/}, {@code /admin/} and their assets under
 * {@code /ui/}): the JAX-RS application is mapped to {@code /}, so the container's static file
 * serving never sees these paths. Only the files named here exist; {@link UiFilter} adds the
 * security headers.
 */
@Path("")
@RequestScoped
public class PagesResource {

    @Context
    ServletContext servlet;
    @Context
    UriInfo uri;

    /** A page; without its trailing slash it is redirected, so that its relative links resolve. */
    @GET
    @Path("{page: account|admin}")
    public Response page(@PathParam("page") String page) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/" + page + "/")).build();
        }
        return file("/" + page + "/index.html", "text/html; charset=utf-8");
    }

    @GET
    @Path("{page: account|admin}/{name: [a-z]+}.js")
    public Response script(@PathParam("page") String page, @PathParam("name") String name) {
        return file("/" + page + "/" + name + ".js", "text/javascript; charset=utf-8");
    }

    @GET
    @Path("ui/{name: [a-z]+}.js")
    public Response sharedScript(@PathParam("name") String name) {
        return file("/ui/" + name + ".js", "text/javascript; charset=utf-8");
    }

    @GET
    @Path("ui/{name: [a-z]+}.css")
    public Response style(@PathParam("name") String name) {
        return file("/ui/" + name + ".css", "text/css; charset=utf-8");
    }

    private Response file(String path, String type) {
        InputStream content = servlet.getResourceAsStream(path);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).build();
    }
}
