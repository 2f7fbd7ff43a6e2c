<?php
// Run by startWordPress with the PHP CLI inside the site dir: installs WordPress if the database
// is empty, makes sure a contributor, an author and an editor exist, gives each a fresh Application
// Password (old ones revoked) and prints them as JSON on stdout for the harness, nowhere else.
// NEWSDESK_EDITOR_PASSWORD, when set (npm run portal only), becomes the editor's wp-admin login password.
define('WP_INSTALLING', true);

// wp_install mails the admin; this machine has no mail and needs none (the function is pluggable).
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}

require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (!is_blog_installed()) {
    $result = wp_install('Newsdesk test portal', 'newsdesk-admin', 'admin@newsdesk.test', false, '', wp_generate_password(32));
    if (empty($result['user_id'])) {
        fwrite(STDERR, "wp_install failed\n");
        exit(1);
    }
}

$users = [];
foreach (['contributor', 'author', 'editor'] as $role) {
    $login = 'newsdesk-' . $role;
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_create_user($login, wp_generate_password(32), $role . '@newsdesk.test');
        if (is_wp_error($id)) {
            fwrite(STDERR, "wp_create_user $login: " . $id->get_error_message() . "\n");
            exit(1);
        }
        $user = get_user_by('id', $id);
    }
    $user->set_role($role);
    $loginPassword = getenv('NEWSDESK_EDITOR_PASSWORD');
    if ($role === 'editor' && is_string($loginPassword) && $loginPassword !== '') {
        wp_set_password($loginPassword, $user->ID);
    }
    WP_Application_Passwords::delete_all_application_passwords($user->ID);
    $created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'newsdesk tests']);
    if (is_wp_error($created)) {
        fwrite(STDERR, "application password for $login: " . $created->get_error_message() . "\n");
        exit(1);
    }
    $users[$role] = ['id' => $user->ID, 'login' => $login, 'appPassword' => $created[0]];
}
echo json_encode(['users' => $users]);
