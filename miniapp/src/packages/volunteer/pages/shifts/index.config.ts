export default definePageConfig({
  navigationBarTitleText: '志愿岗位',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});
