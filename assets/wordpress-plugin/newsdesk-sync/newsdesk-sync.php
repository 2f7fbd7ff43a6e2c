<?php
/**
 * Plugin Name: Newsdesk Sync
 * Description: Optional companion of the Newsdesk newsroom editor. Makes a retried create return the post (or photo) the first try made, refuses an update when the post changed since the editor's copy, and lets contributors upload photos. Newsdesk works without it; with it, these guarantees no longer depend on the client alone.
 * Version: 1.1.0
 * Requires at least: 5.7
 * Requires PHP: 7.0
 * License: MIT
 */

defined('ABSPATH') || exit;

const NEWSDESK_SYNC_VERSION = '1.1.0';
/** The client key of the create that made a post or attachment. Protected meta (leading `_`): never in REST, never public. */
const NEWSDESK_SYNC_KEY_META = '_newsdesk_sync_key';
/** A counter bumped by every update of a post: tells apart two saves within one second (modified_gmt's resolution). */
const NEWSDESK_SYNC_REV_META = '_newsdesk_rev';
/** How long a request waits for another one holding the same key or post before it is told to retry (503). */
const NEWSDESK_SYNC_LOCK_SECONDS = 10;

/**
 * Contributors may upload photos (WordPress gives `upload_files` to authors and up). A newsroom's
 * reporters come back with photos; without this their photos wait in Newsdesk's outbox. Define
 * NEWSDESK_CONTRIBUTORS_UPLOAD as false in wp-config.php to keep WordPress's default.
 */
if (!defined('NEWSDESK_CONTRIBUTORS_UPLOAD')) {
    define('NEWSDESK_CONTRIBUTORS_UPLOAD', true);
}

/** What this site offers Newsdesk, as `newsdesk/v1/info` lists it. */
function newsdesk_sync_features() {
    $features = ['idempotency-key', 'if-unmodified', 'revision'];
    if (NEWSDESK_CONTRIBUTORS_UPLOAD) {
        $features[] = 'contributor-upload';
    }
    return $features;
}

/** The create routes a key applies to, and the post type each makes. */
function newsdesk_sync_create_routes() {
    return ['/wp/v2/posts' => 'post', '/wp/v2/media' => 'attachment'];
}

/** Whether the request is a POST to one of those routes. */
function newsdesk_sync_is_create($request) {
    $routes = newsdesk_sync_create_routes();
    return $request->get_method() === 'POST' && isset($routes[$request->get_route()]);
}

/** The request's X-Newsdesk-Key when it is such a create, else null (a malformed key too). */
function newsdesk_sync_key_of($request) {
    if (!newsdesk_sync_is_create($request)) {
        return null;
    }
    $key = $request->get_header('x_newsdesk_key');
    return is_string($key) && preg_match('/^[a-f0-9]{32}$/', $key) ? $key : null;
}

/** The post id of `/wp/v2/posts/<id>` on a write (not DELETE), else 0. */
function newsdesk_sync_updated_post_of($request) {
    if (!in_array($request->get_method(), ['POST', 'PUT', 'PATCH'], true)) {
        return 0;
    }
    return preg_match('#^/wp/v2/posts/(\d+)$#', $request->get_route(), $match) ? (int) $match[1] : 0;
}

/**
 * A MySQL named lock: atomic, held by this request's database connection and released with it,
 * so a request that dies (a PHP fatal, a killed worker) never leaves it taken. False only when
 * another request held it for the whole wait; a database without named locks (GET_LOCK fails,
 * NULL) goes on unlocked rather than refusing every write.
 */
function newsdesk_sync_lock($name) {
    global $wpdb;
    return $wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, %d)', $name, NEWSDESK_SYNC_LOCK_SECONDS)) !== '0';
}

function newsdesk_sync_unlock($name) {
    global $wpdb;
    $wpdb->query($wpdb->prepare('SELECT RELEASE_LOCK(%s)', $name));
}

/**
 * The post (or attachment) a key made: by the meta a keyed create leaves, or else by the marker
 * comment `<!-- newsdesk:sync KEY -->` Newsdesk always puts in the content (a photo's
 * description), for a create made before the plugin was active or sent without the header. The
 * marker is looked for only among the user's own posts, as the client's own search does. Trashed
 * posts are not matches (as in the client): the writer decides about those.
 */
function newsdesk_sync_find($key, $post_type) {
    global $wpdb;
    $id = $wpdb->get_var($wpdb->prepare(
        "SELECT p.ID FROM {$wpdb->posts} p INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
         WHERE m.meta_key = %s AND m.meta_value = %s AND p.post_type = %s AND p.post_status NOT IN ('trash', 'auto-draft')
         ORDER BY p.ID LIMIT 1",
        NEWSDESK_SYNC_KEY_META,
        $key,
        $post_type
    ));
    if ($id) {
        return (int) $id;
    }
    $id = $wpdb->get_var($wpdb->prepare(
        "SELECT ID FROM {$wpdb->posts}
         WHERE post_type = %s AND post_author = %d AND post_status NOT IN ('trash', 'auto-draft') AND post_content LIKE %s
         ORDER BY ID LIMIT 1",
        $post_type,
        get_current_user_id(),
        '%' . $wpdb->esc_like('newsdesk:sync ' . $key) . '%'
    ));
    return $id ? (int) $id : 0;
}

/**
 * The existing post as a GET in context=edit answers it, WordPress's own permission checks
 * included (a user who may not edit it gets WordPress's refusal, not its content).
 */
function newsdesk_sync_replay($route, $id) {
    $inner = new WP_REST_Request('GET', $route . '/' . $id);
    $inner->set_query_params(['context' => 'edit']);
    $response = rest_do_request($inner);
    if (!$response->is_error()) {
        $response->set_status(200);
        $response->header('X-Newsdesk-Replayed', '1');
    }
    return $response;
}

/** `modified_gmt` as the REST API reports it (a draft may have none stored; WordPress derives it). */
function newsdesk_sync_modified_gmt($post) {
    if ($post->post_modified_gmt === '0000-00-00 00:00:00') {
        return gmdate('Y-m-d\TH:i:s', strtotime($post->post_modified) - (get_option('gmt_offset') * 3600));
    }
    return str_replace(' ', 'T', $post->post_modified_gmt);
}

add_action('rest_api_init', function () {
    // Only for signed-in writers: the public learns nothing here (the REST index lists every
    // plugin's namespace anyway, which is all an anonymous visitor can see of this one).
    register_rest_route('newsdesk/v1', '/info', [
        'methods' => WP_REST_Server::READABLE,
        'permission_callback' => function () {
            return current_user_can('edit_posts');
        },
        'callback' => function () {
            return ['version' => NEWSDESK_SYNC_VERSION, 'features' => newsdesk_sync_features()];
        },
    ]);
    // In context=edit only, which WordPress gives only to users who may edit the post.
    register_rest_field('post', 'newsdesk_rev', [
        'get_callback' => function ($post) {
            return (int) get_post_meta((int) $post['id'], NEWSDESK_SYNC_REV_META, true);
        },
        'schema' => [
            'description' => 'Newsdesk Sync: bumped by every update of the post.',
            'type' => 'integer',
            'context' => ['edit'],
            'readonly' => true,
        ],
    ]);
});

add_filter('user_has_cap', function ($allcaps) {
    if (NEWSDESK_CONTRIBUTORS_UPLOAD && !empty($allcaps['edit_posts']) && empty($allcaps['upload_files'])) {
        $allcaps['upload_files'] = true;
    }
    return $allcaps;
});

// users/me lists the role's stored capabilities, not what user_has_cap grants: without this a
// contributor would be told (by Newsdesk, reading it) that uploads are refused when they are not.
// `capabilities` is only in context=edit, which WordPress gives only for oneself or to list_users.
add_filter('rest_prepare_user', function ($response, $user) {
    $data = $response->get_data();
    if (NEWSDESK_CONTRIBUTORS_UPLOAD && isset($data['capabilities']) && user_can($user, 'upload_files')) {
        $capabilities = (array) $data['capabilities'];
        $capabilities['upload_files'] = true;
        $data['capabilities'] = (object) $capabilities;
        $response->set_data($data);
    }
    return $response;
}, 10, 2);

add_action('post_updated', function ($post_id, $after) {
    if ($after->post_type === 'post') {
        update_post_meta($post_id, NEWSDESK_SYNC_REV_META, (int) get_post_meta($post_id, NEWSDESK_SYNC_REV_META, true) + 1);
    }
}, 10, 2);

// A keyed create leaves its key on what it made, in the same request, right after the insert.
function newsdesk_sync_mark($post, $request, $creating) {
    $key = $creating ? newsdesk_sync_key_of($request) : null;
    if ($key !== null) {
        add_post_meta($post->ID, NEWSDESK_SYNC_KEY_META, $key, true);
    }
}
add_action('rest_insert_post', 'newsdesk_sync_mark', 10, 3);
add_action('rest_insert_attachment', 'newsdesk_sync_mark', 10, 3);

/**
 * Runs after WordPress's permission check for the route (so nothing here answers a user who may
 * not make the request) and before its callback.
 */
add_filter('rest_dispatch_request', function ($result, $request) {
    if ($result !== null) {
        return $result;
    }

    // Exactly once: X-Newsdesk-Key on a create. Under a lock per key, a create that already
    // happened is answered with what it made (200, X-Newsdesk-Replayed: 1); otherwise the create
    // runs and marks what it makes before the lock is released (rest_request_after_callbacks).
    $key = newsdesk_sync_key_of($request);
    if ($key === null && newsdesk_sync_is_create($request) && $request->get_header('x_newsdesk_key') !== null) {
        return new WP_Error('newsdesk_bad_key', 'X-Newsdesk-Key must be 32 lowercase hex characters.', ['status' => 400]);
    }
    if ($key !== null) {
        if (!newsdesk_sync_lock('newsdesk_key_' . $key)) {
            return newsdesk_sync_busy();
        }
        $routes = newsdesk_sync_create_routes();
        $id = newsdesk_sync_find($key, $routes[$request->get_route()]);
        if ($id > 0) {
            newsdesk_sync_unlock('newsdesk_key_' . $key);
            return newsdesk_sync_replay($request->get_route(), $id);
        }
        return null;
    }

    // No silent overwrite: every REST write of a post takes the post's lock (so a check and the
    // write it allows cannot have another REST write, a block-editor save included, between
    // them); one sent with X-Newsdesk-If-Unmodified (and X-Newsdesk-If-Revision) is refused with
    // 412 when the post changed since that copy was read.
    $post_id = newsdesk_sync_updated_post_of($request);
    if ($post_id > 0) {
        $if_modified = $request->get_header('x_newsdesk_if_unmodified');
        $if_revision = $request->get_header('x_newsdesk_if_revision');
        $conditional = $if_modified !== null || $if_revision !== null;
        if ($if_modified !== null && !preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/', $if_modified)) {
            return new WP_Error('newsdesk_bad_condition', 'X-Newsdesk-If-Unmodified must be a modified_gmt (YYYY-MM-DDTHH:MM:SS).', ['status' => 400]);
        }
        if ($if_revision !== null && !preg_match('/^\d{1,10}$/', $if_revision)) {
            return new WP_Error('newsdesk_bad_condition', 'X-Newsdesk-If-Revision must be a whole number.', ['status' => 400]);
        }
        if (!newsdesk_sync_lock('newsdesk_post_' . $post_id)) {
            // Only a conditional write needs the lock to mean what it says; others go on as without the plugin.
            return $conditional ? newsdesk_sync_busy() : null;
        }
        if (!$conditional) {
            return null;
        }
        // The permission check read the post before the lock was ours: read it again.
        clean_post_cache($post_id);
        $post = get_post($post_id);
        if (!$post) {
            return null; // WordPress answers its own 404.
        }
        $modified = newsdesk_sync_modified_gmt($post);
        $revision = (int) get_post_meta($post_id, NEWSDESK_SYNC_REV_META, true);
        if (($if_modified !== null && $if_modified !== $modified) || ($if_revision !== null && (int) $if_revision !== $revision)) {
            return new WP_Error('newsdesk_modified', 'The post changed since this copy was read.', [
                'status' => 412,
                'modified_gmt' => $modified,
                'newsdesk_rev' => $revision,
            ]);
        }
    }
    return null;
}, 10, 2);

function newsdesk_sync_busy() {
    // 503: the client treats it as "try again later", which is what it is.
    return new WP_Error('newsdesk_busy', 'Another request for this item is still running; try again.', ['status' => 503]);
}

// Locks are released when the request's work is done, whatever the outcome (they would be at the
// end of the request anyway; this keeps the wait of a concurrent retry short).
add_filter('rest_request_after_callbacks', function ($response, $handler, $request) {
    $key = newsdesk_sync_key_of($request);
    if ($key !== null) {
        newsdesk_sync_unlock('newsdesk_key_' . $key);
    }
    $post_id = newsdesk_sync_updated_post_of($request);
    if ($post_id > 0) {
        newsdesk_sync_unlock('newsdesk_post_' . $post_id);
    }
    return $response;
}, 10, 3);
