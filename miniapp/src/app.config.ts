// Pages, tab bar and subpackages. Tab pages must live in the main package;
// volunteer, organizer, admin, inbox and forwarded-ticket screens load only when someone opens them.
export default defineAppConfig({
  pages: [
    'pages/events/index',
    'pages/calendar/index',
    'pages/plans/index',
    'pages/me/index',
    'pages/event-detail/index',
    'pages/plan-detail/index',
    'pages/login/index',
    'pages/privacy/index',
    'pages/settings/index',
  ],
  subPackages: [
    {
      root: 'packages/volunteer',
      pages: ['pages/profile/index', 'pages/shifts/index', 'pages/applications/index', 'pages/certificate/index'],
    },
    {
      root: 'packages/organizer',
      pages: [
        'pages/events/index',
        'pages/edit/index',
        'pages/signups/index',
        'pages/checkin/index',
        'pages/review/index',
        'pages/volunteers/index',
        'pages/duties/index',
        'pages/stats/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/import/index',
        'pages/campaigns/index',
        'pages/organizations/index',
        'pages/organization/index',
        'pages/users/index',
        'pages/audit/index',
        'pages/notifications/index',
      ],
    },
    {
      root: 'packages/inbox',
      pages: ['pages/list/index'],
    },
    {
      // A forwarded check-in code, opened without an account (a share card or a link).
      root: 'packages/ticket',
      pages: ['pages/view/index'],
    },
    {
      // A campaign's page, from the home banner and from its events.
      root: 'packages/campaign',
      pages: ['pages/campaign/index'],
    },
    {
      root: 'packages/progress',
      pages: ['pages/progress/index', 'pages/task-events/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0a58a8',
    navigationBarTitleText: '科普汇',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
  },
  tabBar: {
    color: '#474747',
    selectedColor: '#0a58a8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png' },
      { pagePath: 'pages/calendar/index', text: '日历', iconPath: 'assets/tab/calendar.png', selectedIconPath: 'assets/tab/calendar-active.png' },
      { pagePath: 'pages/plans/index', text: '计划', iconPath: 'assets/tab/plans.png', selectedIconPath: 'assets/tab/plans-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于按距离排列附近的科普活动' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
  // Opt in to WeChat's privacy check on base libraries before 3.0 (later ones always check).
  __usePrivacyCheck__: true,
});
