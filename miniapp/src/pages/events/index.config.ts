export default definePageConfig({
  navigationBarTitleText: '科普活动',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
  enableShareAppMessage: true,
});
