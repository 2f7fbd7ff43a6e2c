<?php
/**
 * Plugin Name: Newsdesk Sync
 * Description: Optional companion of the Newsdesk newsroom editor. Makes a retried create return the post (or photo) the first try made, refuses an update when the post changed since the editor's copy, and lets contributors upload photos. Newsdesk works without it; with it, these guarantees no longer depend on the client alone.
 * Version: 1.0.0
 * Requires at least: 5.7
 * License: MIT
 */

defined('ABSPATH') || exit;

const NEWSDESK_SYNC_VERSION = '1.0.0';
/** Option names `_newsdesk_key_<key>`: wp_options.option_name is UNIQUE, so add_option is an atomic claim. */
const NEWSDESK_KEY_OPTION = '_newsdesk_key_';

/**
 * Contributors may upload photos (WordPress gives `upload_files` to authors and up). A newsroom's
 * reporters come back with photos; without this their photos wait in Newsdesk's outbox. Define
 * NEWSDESK_CONTRIBUTORS_UPLOAD as false in wp-config.php to keep WordPress's default.
 */
if (!defined('NEWSDESK_CONTRIBUTORS_UPLOAD')) {
    define('NEWSDESK_CONTRIBUTORS_UPLOAD', true);
}

add_action('rest_api_init', function () {
    register_rest_route('newsdesk/v1', '/info', [
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'callback' => function () {
            return [
                'version' => NEWSDESK_SYNC_VERSION,
                'features' => array_values(array_filter(['idempotency-key', 'if-unmodified', NEWSDESK_CONTRIBUTORS_UPLOAD ? 'contributor-upload' : null])),
            ];
        },
    ]);
});

add_filter('user_has_cap', function ($allcaps) {
    if (NEWSDESK_CONTRIBUTORS_UPLOAD && !empty($allcaps['edit_posts']) && empty($allcaps['upload_files'])) {
        $allcaps['upload_files'] = true;
    }
    return $allcaps;
});

/** The create routes an idempotency key applies to, and the post type each makes. */
function newsdesk_sync_create_routes() {
    return ['/wp/v2/posts' => 'post', '/wp/v2/media' => 'attachment'];
}

add_filter('rest_pre_dispatch', function ($result, $server, $request) {
    if ($result !== null) {
        return $result;
    }
    $route = $request->get_route();
    $method = $request->get_method();

    // Exactly once: X-Newsdesk-Key on a create. The first request with a key claims it; a repeat
    // gets the post the first one made (200, X-Newsdesk-Replayed), or 409 while that one is still
    // running (the client retries).
    $key = $request->get_header('x_newsdesk_key');
    $routes = newsdesk_sync_create_routes();
    if ($key !== null && $method === 'POST' && isset($routes[$route])) {
        if (!preg_match('/^[a-f0-9]{32}$/', $key)) {
            return new WP_Error('newsdesk_bad_key', 'X-Newsdesk-Key must be 32 hex characters.', ['status' => 400]);
        }
        if (!is_user_logged_in()) {
            return $result; // WordPress refuses the create itself, with its usual error.
        }
        $option = NEWSDESK_KEY_OPTION . $key;
        if (!add_option($option, '0', '', 'no')) {
            $id = (int) get_option($option);
            if ($id === 0) {
                return new WP_Error('newsdesk_in_progress', 'A request with this key is still being processed.', ['status' => 409]);
            }
            if (!current_user_can('edit_post', $id)) {
                return new WP_Error('newsdesk_key_taken', 'This key belongs to a post you cannot edit.', ['status' => 403]);
            }
            $inner = new WP_REST_Request('GET', $route . '/' . $id);
            $inner->set_query_params(['context' => 'edit']);
            $response = rest_ensure_response(rest_do_request($inner));
            $response->header('X-Newsdesk-Replayed', '1');
            return $response;
        }
        // Claimed. If the create fails, the claim is released so a retry may create.
        add_filter('rest_request_after_callbacks', function ($response, $handler, $inner) use ($request, $option) {
            if ($inner !== $request) {
                return $response;
            }
            if (is_wp_error($response) || ($response instanceof WP_REST_Response && $response->get_status() >= 400)) {
                delete_option($option);
            } elseif ($response instanceof WP_REST_Response) {
                $data = $response->get_data();
                if (!empty($data['id'])) {
                    update_option($option, (string) (int) $data['id'], 'no');
                }
            }
            return $response;
        }, 10, 3);
    }

    // No silent overwrite: X-Newsdesk-If-Unmodified (the post's modified_gmt as last seen) on an
    // update is refused with 412 when the post changed since. Checked and applied in one request,
    // which closes the window a read-then-write from the client leaves open.
    $if = $request->get_header('x_newsdesk_if_unmodified');
    if ($if !== null && in_array($method, ['POST', 'PUT', 'PATCH'], true) && preg_match('#^/wp/v2/posts/(\d+)$#', $route, $match)) {
        $post = get_post((int) $match[1]);
        $seen = str_replace('T', ' ', substr($if, 0, 19));
        if ($post && $post->post_modified_gmt !== $seen) {
            return new WP_Error('newsdesk_modified', 'The post changed since this copy was read.', [
                'status' => 412,
                'modified_gmt' => str_replace(' ', 'T', $post->post_modified_gmt),
            ]);
        }
    }
    return $result;
}, 10, 3);
