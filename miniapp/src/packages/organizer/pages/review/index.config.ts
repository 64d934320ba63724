export default definePageConfig({
  navigationBarTitleText: '活动审核',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});
